// The VS Code extension for the SVF rule files: the grammar and language
// configuration are declared in package.json; this starts the language
// server (`svfrules lsp`) for .svf files and hands it the editor.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('svfrules').get('path') || 'svfrules';
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'svf' }],
    // Rule files changed outside the editor (git, another program) are
    // checked again.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.svf') },
  };
  client = new LanguageClient('svfrules', 'SVF-regler (svfrules lsp)', serverOptions, clientOptions);
  client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `Språkservern kunde inte startas med "${command} lsp": ${err.message}. ` +
      'Installera svfrules (se README) och ange programmet i inställningen svfrules.path.');
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
