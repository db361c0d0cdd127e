#!/usr/bin/env node
// The command's entry: committed so that it exists before the build (a workspace that depends on this package
// links the bin at install, when dist/ is not built yet); the command itself is the built dist/cli.js.
import module from 'node:module';

// Node >= 22.1 keeps V8's compiled code of the bundle on disk (in the OS temp directory, where Node puts it) and
// reuses it at the next start, where compiling the bundle is a third of the start; Node 20 has no such cache.
module.enableCompileCache?.();
await import('../dist/cli.js');
