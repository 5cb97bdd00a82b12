/**
 * Small named values kept between runs (a text per key), for what fits no other table: e.g.
 * the fingerprint of what the last computation was made from.
 */
import type Database from 'better-sqlite3';

export class MetaTable {
  private readonly select: Database.Statement<[string], string>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | null {
    return this.select.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.upsert.run(key, value);
  }
}
