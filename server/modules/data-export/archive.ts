/**
 * Writes a data export's archive: JSON (one file, every section a key) or CSV (one file per
 * section, in a zip made by yazl), streamed section by section into `sink`, so memory holds one
 * section at a time, never the whole archive. The chunked store in PostgreSQL is the sink
 * (data-export.queries.ts `ChunkSink`).
 */
import yazl from 'yazl';
import { archiveFileName, type DataExportFormat } from '../../../contract/data-export';

export interface ArchiveSink {
  write(bytes: Buffer): Promise<void>;
}

/** A section's rows, one section at a time. */
export type SectionSource = AsyncIterable<{ name: string; rows: Record<string, unknown>[] }>;

/** What the archive says about itself (`export.json` in the zip, `export` in the JSON file). */
export interface ArchiveHeader {
  format: 'acct-data-export';
  version: 1;
  exportedAt: string;
  userId: string;
  /** Whether the site's part (`site`) is in, and why not when it is not. */
  site: { included: boolean; note?: string };
}

const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
};

const plainRow = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)]));

/** One CSV field (RFC 4180). A leading = + - @ gets a quote mark: spreadsheets would run it as a formula. */
function csvField(value: unknown): string {
  const v = plain(value);
  if (v === null || v === undefined) return '';
  let text = typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A section as CSV: a header of the columns, then a line per row; empty when there is no row. */
export function toCsv(rows: Record<string, unknown>[]): string {
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  if (!columns.length) return '';
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

async function writeJson(sink: ArchiveSink, header: ArchiveHeader, sections: SectionSource, site: unknown) {
  await sink.write(Buffer.from(`{\n"export": ${JSON.stringify(header)}`));
  for await (const { name, rows } of sections) {
    await sink.write(Buffer.from(`,\n${JSON.stringify(name)}: ${JSON.stringify(rows.map(plainRow))}`));
  }
  if (header.site.included) await sink.write(Buffer.from(`,\n"site": ${JSON.stringify(site)}`));
  await sink.write(Buffer.from('\n}\n'));
}

async function writeZip(sink: ArchiveSink, header: ArchiveHeader, sections: SectionSource, site: unknown) {
  const zip = new yazl.ZipFile();
  // The zip's bytes are drained into the sink while sections are still being read and added.
  const drained = (async () => {
    for await (const bytes of zip.outputStream as AsyncIterable<Buffer>) await sink.write(bytes);
  })();
  try {
    const mtime = new Date(header.exportedAt);
    zip.addBuffer(Buffer.from(JSON.stringify(header, null, 2)), 'export.json', { mtime });
    for await (const { name, rows } of sections) zip.addBuffer(Buffer.from(toCsv(rows)), `${name}.csv`, { mtime });
    if (header.site.included) zip.addBuffer(Buffer.from(JSON.stringify(site, null, 2)), 'site.json', { mtime });
  } finally {
    zip.end();
    await drained;
  }
}

/** Streams the archive into `sink`; `site` is the site's answer when `header.site.included`. */
export function writeArchive(
  format: DataExportFormat,
  sink: ArchiveSink,
  header: ArchiveHeader,
  sections: SectionSource,
  site: unknown,
): Promise<void> {
  return format === 'csv' ? writeZip(sink, header, sections, site) : writeJson(sink, header, sections, site);
}

/** The file name and type a download is sent with. */
export function archiveFile(format: DataExportFormat, createdAt: Date): { name: string; type: string } {
  const name = archiveFileName(format, createdAt);
  return { name, type: format === 'csv' ? 'application/zip' : 'application/json' };
}
