/**
 * A second terminal checking on a long sync: the CLI's own `stats` and `search` commands,
 * run again and again in one process until SKIMMER_STOP_FILE appears. One JSON line per run
 * with its exit code and what it printed on stderr.
 */
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runCli } from '../../../../main/cli/cli';

const dataDir = process.env.SKIMMER_DATA_DIR ?? '';
const stopFile = process.env.SKIMMER_STOP_FILE ?? '';

function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

while (!existsSync(stopFile)) {
  for (const args of [
    ['stats', '--data-dir', dataDir, '--json'],
    ['search', '--data-dir', dataDir, '--offline', '--json', 'zebra'],
  ]) {
    const stdout = collector();
    const stderr = collector();
    const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, env: process.env, signal: new AbortController().signal });
    process.stdout.write(`${JSON.stringify({ at: Date.now(), command: args[0], code, stderr: stderr.text(), stdoutBytes: stdout.text().length })}\n`);
  }
}
