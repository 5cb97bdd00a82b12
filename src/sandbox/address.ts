/** Where the sandbox org listens: this machine only (never another interface), on port 4010 unless told. */
export const SANDBOX_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
