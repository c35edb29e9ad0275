// Generated from package.json by scripts/generate.ts; do not edit.
export const VERSION = '0.1.0';
