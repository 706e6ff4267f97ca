// A strict XML parser for tests (saxes, which exceljs uses, rejects anything not well-formed) that
// gives a small tree with entities decoded.
import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => {
    const node: XmlNode = { name: t.name, attrs: { ...(t.attributes as Record<string, string>) }, children: [], text: "" };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

export const all = (n: XmlNode, name: string): XmlNode[] => [...(n.name === name ? [n] : []), ...n.children.flatMap((c) => all(c, name))];
