// Placeholder entry until the tab lands; replaced by the UI shell.
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>WRES Action Plans</p>);
