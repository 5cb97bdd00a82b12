/**
 * Interned names (objects, steps, reps): stored once, referred to by a small integer. The
 * cache mirrors committed rows only; a rolled-back transaction may have cached names whose
 * rows are gone, so the store calls `discardCache()` whenever a transaction fails.
 */
import type Database from 'better-sqlite3';

export class SymbolTable {
  private readonly insert: Database.Statement<[string]>;
  private readonly select: Database.Statement<[string], number>;
  private readonly selectAll: Database.Statement<[], [number, string]>;
  private ids = new Map<string, number>();
  private texts: string[] = [];

  constructor(db: Database.Database) {
    this.insert = db.prepare<[string]>('INSERT INTO symbol(text) VALUES (?) ON CONFLICT(text) DO NOTHING');
    this.select = db.prepare<[string], number>('SELECT sym FROM symbol WHERE text = ?').pluck();
    this.selectAll = db.prepare<[], [number, string]>('SELECT sym, text FROM symbol').raw();
  }

  /** The symbol of `text`, creating it if needed (call inside the writing transaction). */
  intern(text: string): number {
    const cached = this.ids.get(text);
    if (cached !== undefined) return cached;
    this.insert.run(text);
    const sym = this.select.get(text);
    if (sym === undefined) throw new Error(`symbol ${JSON.stringify(text)} vanished after insert`);
    this.remember(sym, text);
    return sym;
  }

  /** The symbol of `text` if it exists; never writes. */
  find(text: string): number | undefined {
    const cached = this.ids.get(text);
    if (cached !== undefined) return cached;
    const sym = this.select.get(text);
    if (sym !== undefined) this.remember(sym, text);
    return sym;
  }

  /** The text of a symbol; reloads the cache when it misses (another process may have added names). */
  textOf(sym: number): string {
    const text = this.texts[sym];
    if (text !== undefined) return text;
    this.reload();
    const reloaded = this.texts[sym];
    if (reloaded === undefined) throw new Error(`unknown symbol ${sym}`);
    return reloaded;
  }

  discardCache(): void {
    this.ids = new Map();
    this.texts = [];
  }

  private reload(): void {
    this.discardCache();
    for (const [sym, text] of this.selectAll.iterate()) this.remember(sym, text);
  }

  private remember(sym: number, text: string): void {
    this.ids.set(text, sym);
    this.texts[sym] = text;
  }
}
