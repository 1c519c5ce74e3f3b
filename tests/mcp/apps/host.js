// A minimal MCP Apps host: a real MCP client (the TS SDK) asks our server for create_training,
// reads the tool's ui:// resource, and renders it through the official AppBridge in a sandboxed
// iframe, forwarding the view's tool calls to the server. The test drives it through window.host.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";

const UI = "io.modelcontextprotocol/ui";
const APP_MIME = "text/html;profile=mcp-app";
// A few of the host's theme variables, as a host such as Claude passes them.
const THEMES = {
  light: { "--color-background-primary": "#ffffff", "--color-text-primary": "#1f1e1d" },
  dark: {
    "--color-background-primary": "#262624",
    "--color-text-primary": "#f5f4ef",
    "--color-text-secondary": "#c2c0b6",
    "--color-border-primary": "#8a887f",
  },
};

window.host = {
  modelContext: [], // what the view told the model (ui/update-model-context)
  async open({ draft, locale, theme, token }) {
    const client = new Client(
      { name: "lucca-training-test-host", version: "1" },
      { capabilities: { extensions: { [UI]: { mimeTypes: [APP_MIME] } } } },
    );
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    await client.connect(
      new StreamableHTTPClientTransport(new URL("/mcp", location.href), { requestInit: { headers } }),
    );
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "create_training");
    const uri = tool._meta.ui.resourceUri;
    const result = await client.callTool({ name: "create_training", arguments: draft });
    const resource = await client.readResource({ uri });
    const [page] = resource.contents;
    if (page.mimeType !== APP_MIME) throw new Error(`unexpected MIME type ${page.mimeType}`);

    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts allow-forms");
    iframe.title = "Training preview";
    document.getElementById("frame-holder").replaceChildren(iframe);
    const bridge = new AppBridge(
      client,
      { name: "lucca-training-test-host", version: "1" },
      { serverTools: {}, updateModelContext: { text: {} } },
      { hostContext: { theme, locale, styles: { variables: THEMES[theme] }, platform: "web", displayMode: "inline" } },
    );
    bridge.onupdatemodelcontext = async (params) => {
      window.host.modelContext.push(params);
      return {};
    };
    const initialized = new Promise((resolve) => (bridge.oninitialized = resolve));
    // Listening before the page loads: its first message is ui/initialize.
    await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));
    iframe.srcdoc = page.text;
    await initialized;
    await bridge.sendToolInput({ arguments: draft });
    await bridge.sendToolResult(result);
    return result.structuredContent;
  },
};
