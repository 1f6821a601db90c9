import { workerExecArgv } from './gateway-primary';

describe(workerExecArgv.name, () => {
  it('gives workers a larger young generation on top of the primary flags', () => {
    expect(workerExecArgv(64, ['--enable-source-maps'], '')).toEqual(['--enable-source-maps', '--max-semi-space-size=64']);
  });

  it('leaves the flag to NODE_OPTIONS or the command line when they set it, and to V8 when 0', () => {
    expect(workerExecArgv(64, [], '--max-semi-space-size=16')).toEqual([]);
    expect(workerExecArgv(64, ['--max-semi-space-size=32'], '')).toEqual(['--max-semi-space-size=32']);
    expect(workerExecArgv(0, [], '')).toEqual([]);
  });
});
