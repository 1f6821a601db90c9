// Turns the output of a child process into readable lines prefixed with its name.
// Services log pino JSON; those lines become `[catalog] 12:00:01 INFO  message key=value`.
import readline from 'node:readline';

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);
const COLORS = [36, 35, 33, 32, 34, 96, 95];
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const levelColor = (level) => (level >= 50 ? 31 : level >= 40 ? 33 : level <= 20 ? 90 : 0);

function formatValue(value) {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** One pino JSON line as text, or undefined when the line is not pino JSON. */
export function formatPinoLine(line) {
  if (!line.startsWith('{')) return undefined;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return undefined;

  const time = entry.time ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = (LEVELS[entry.level] ?? String(entry.level)).padEnd(5);
  const extras = [];
  let stack = '';
  for (const [key, value] of Object.entries(entry)) {
    if (OMITTED.has(key) || value === undefined) continue;
    if (key === 'err' && value && typeof value === 'object') {
      extras.push(`err=${formatValue(value.message ?? value.type)}`);
      if (value.stack) stack = `\n${String(value.stack).replace(/^/gm, '    ')}`;
      continue;
    }
    const text = formatValue(value);
    // Big objects (requests, responses) drown the message; they stay available in JSON logs.
    if (typeof value !== 'object' || text.length <= 100) extras.push(`${key}=${text}`);
  }
  const message = [entry.msg ?? '', ...extras].filter(Boolean).join(' ');
  return `${paint(90, time)} ${paint(levelColor(entry.level), level)} ${message}${stack}`;
}

let nextColor = 0;

/**
 * Prints every line of `streams` as `[name] ...` and remembers the last lines, so an error
 * about this process can show what it said last.
 */
export function prefixOutput(name, streams, { width = name.length, keep = 30 } = {}) {
  const prefix = paint(COLORS[nextColor++ % COLORS.length], `[${name}]`.padEnd(width + 2));
  const recent = [];
  for (const stream of streams) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const text = formatPinoLine(line) ?? line;
      recent.push(text);
      if (recent.length > keep) recent.shift();
      console.log(`${prefix} ${text}`);
    });
  }
  return { recent: () => [...recent] };
}
