// VS Code client for the wgec language server (`wgec lsp`, LSP over stdio).
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The settings the server reads (the rest of the `wgec` section only tells the client how to start it). */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('wgec');
  return {
    // Unset stays undefined and so is left out of the JSON: the server (or wgec.yaml) then decides.
    profile: config.get<string>('profile'),
    rules: config.get<string[]>('rules', []),
    severity: config.get<Record<string, string>>('severity', {}),
    showSuppressed: config.get<boolean>('showSuppressed', false),
    showEvidence: config.get<boolean>('showEvidence', true),
  };
}

function createClient(): LanguageClient {
  const config = vscode.workspace.getConfiguration('wgec');
  const serverOptions: ServerOptions = {
    command: config.get<string>('serverPath', 'wgec'),
    args: config.get<string[]>('serverArgs', ['lsp']),
    transport: TransportKind.stdio,
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'plaintext'].flatMap(language => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // A function, so a restart sends the settings as they are then.
    initializationOptions: serverSettings,
    synchronize: {
      // Makes the client send workspace/didChangeConfiguration with { settings: { wgec: {...} } } on every change.
      configurationSection: 'wgec',
      // Project configuration: the server re-reads it when one is created, changed or deleted.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/wgec.yaml'),
    },
    middleware: {
      // The client registers every command the server advertises (wgec.explain among them), so we must not
      // register it ourselves; instead we see the server's answer here and show a text answer as a document.
      executeCommand: async (command, args, next) => {
        const result = await next(command, args);
        if (command === 'wgec.explain' && typeof result === 'string') {
          const doc = await vscode.workspace.openTextDocument({ content: result, language: 'plaintext' });
          await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
        }
        return result;
      },
    },
  };

  return new LanguageClient('wgec', 'wgec', serverOptions, clientOptions);
}

async function start(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    // The usual cause is that `wgec` is not installed or not on PATH: say which setting to change.
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `wgec: could not start the language server (${message}). Install the .NET tool WgecCharacteristics.Tool (command wgec) or set wgec.serverPath / wgec.serverArgs.`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch(() => undefined); // a server that never started has nothing to stop
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async event => {
      // Other wgec settings reach the running server; these two need a new process.
      if (event.affectsConfiguration('wgec.serverPath') || event.affectsConfiguration('wgec.serverArgs')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

export function deactivate(): Promise<void> {
  return stop();
}
