#!/usr/bin/env node
// The command's entry: committed so that it exists before the build (a workspace that depends on this package
// links the bin at install, when dist/ is not built yet); the command itself is the built dist/cli.js.
import '../dist/cli.js';
