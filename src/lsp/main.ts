/** The language server alone (the VS Code extension bundles it as its fallback server). */
import { runLsp } from './server.js';

void runLsp().then((code) => process.exit(code));
