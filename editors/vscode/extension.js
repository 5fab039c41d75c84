// Starts `ccs lsp` for .ccs files. The server does everything; this only connects VS Code's
// language client to it over stdio.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("ccs").get("path") || "ccs";
  client = new LanguageClient(
    "ccs",
    "Cloud Control Script",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "ccs" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
