import type { Command } from '../command.ts';

// Placeholder until the command is built; replaced by its owner.
export const command: Command = {
  name: 'snippet',
  summary: '(not built yet)',
  help: 'certbench snippet: not built yet\n',
  run: () => Promise.resolve(2),
};
