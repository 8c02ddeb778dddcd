import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { loadConfig } from "./config.js";
import "./app.css";

const root = createRoot(document.getElementById("root") as HTMLElement);
loadConfig().then(
  // No StrictMode: its doubled effects would complete the provider's one-time redirect twice.
  (config) => root.render(<App config={config} />),
  (error: unknown) =>
    root.render(
      <main id="main" role="alert">
        <h1>Skyddsnät</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
