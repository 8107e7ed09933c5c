#!/usr/bin/env node
/** Empties dist/ before a build, so stale chunks never ship. */
import { rmSync } from 'node:fs';
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
