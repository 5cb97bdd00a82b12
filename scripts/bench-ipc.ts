/**
 * What the benchmark's processes say to each other over Node's IPC channel, and the small
 * plumbing around it: forking a TypeScript child the way this process runs (tsx), asking a child
 * something and waiting for its answer, and killing every child still alive when the benchmark
 * ends or fails, so that no sandbox or connector process outlives it.
 */
import { type ChildProcess, fork } from 'node:child_process';

/** Any message: a `kind` and its fields. */
export interface Message {
  kind: string;
}

export interface ForkOptions {
  /** Extra Node flags (heap size, --cpu-prof …) on top of this process's own (tsx's loader). */
  nodeFlags?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** The children this benchmark started; `killAll` ends those still running, by pid. */
export class ChildSet {
  private readonly children = new Set<ChildProcess>();

  fork(file: string, args: readonly string[], options: ForkOptions = {}): ChildProcess {
    const child = fork(file, [...args], {
      execArgv: [...process.execArgv, ...(options.nodeFlags ?? [])],
      // A child's stdout is not needed (answers come over IPC); its stderr shows its failures.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      ...(options.env ? { env: options.env } : {}),
    });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** A child started otherwise (a spawned process with no IPC channel), killed with the others. */
  adopt(child: ChildProcess): ChildProcess {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  killAll(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    this.children.clear();
  }
}

/** The next message of `kind` from `child`; rejects if the child exits first. */
export function nextMessage<T extends Message>(child: ChildProcess, kind: T['kind']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message): void => {
      if (message.kind !== kind) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      reject(
        new Error(`child process exited (code ${String(code)}, signal ${String(signal)}) before sending '${kind}'`),
      );
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Sends `message` and waits for the answer of the same kind (one question at a time). */
export async function ask<T extends Message>(child: ChildProcess, message: Message): Promise<T> {
  const pending = nextMessage<T & { error?: string }>(child, message.kind);
  child.send(message);
  const reply = await pending;
  if (typeof reply.error === 'string') throw new Error(`the child failed to answer '${message.kind}': ${reply.error}`);
  return reply;
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** In a child: answers each message of `kind` with what `handle` returns (errors become an `error` field). */
export function answer<T extends Message>(kind: T['kind'], handle: (message: T) => Promise<Message> | Message): void {
  process.on('message', (message: Message) => {
    if (message.kind !== kind) return;
    Promise.resolve()
      .then(() => handle(message as T))
      .then(
        (reply) => process.send?.(reply),
        (error: unknown) =>
          process.send?.({ kind, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
}
