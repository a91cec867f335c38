import type { Command } from '../command.ts';

// Placeholder until the command is built; replaced by its owner.
export const command: Command = {
  name: 'lint',
  summary: '(not built yet)',
  help: 'certbench lint: not built yet\n',
  run: () => Promise.resolve(2),
};
