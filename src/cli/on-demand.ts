/**
 * What only some commands need, loaded when one of them runs rather than when the CLI starts: the sandbox org
 * (express, the SOQL parser, the metadata's XML reader) for `sandbox` and `demo`, and the HTTP service (express,
 * helmet, prom-client) for `serve`. A `sync` or a `report` then never loads a package that parses HTTP requests or
 * SOQL from outside, and starts faster. (The sf CLI's @salesforce/core is loaded the same way, by the session.)
 * `require`, not `import()`: the build is CommonJS, where a dynamic import of a relative path needs its extension.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

export const sandboxServer = (): typeof import('../sandbox/server') =>
  require('../sandbox/server') as typeof import('../sandbox/server');

export const serviceHttp = (): typeof import('./service-http') =>
  require('./service-http') as typeof import('./service-http');

export const serviceMetrics = (): typeof import('./service-metrics') =>
  require('./service-metrics') as typeof import('./service-metrics');
