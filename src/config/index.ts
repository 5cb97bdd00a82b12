/** The config module's public API: load and validate the admin's file, map it to the core's model. */
export {
  loadConfig,
  parseConfig,
  readTextFile,
  configInvalidError,
  type LoadConfigOptions,
  type ReadTextFile,
} from './loader';
export { toCoachModel } from './to-model';
export { configSchema, CONFIG_VERSION, type Config, type ConfigInput } from './schema/config';
export { formatProblem, formatProblems } from './format';
export { formatPath, type ConfigProblem } from './problems';
export { configJsonSchema, renderConfigJsonSchema, JSON_SCHEMA_FILE } from './json-schema';
export { summarizeConfig, renderSummary, describeMatch, describeExpectation, type ConfigSummary } from './summary';
