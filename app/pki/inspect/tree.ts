/**
 * The inspector's output: a plain tree of labelled values, drawn by one generic component and
 * printed by the CLI. No ASN.1 object ever reaches a view (../shared/DESIGN.md habit 4).
 */
export interface TreeNode {
  label: string;
  value?: string;
  children?: TreeNode[];
  /** A remark beside the value: a warning, a decoding failure, a hint. */
  note?: string;
}

/** A node, leaving out empty parts so the tree stays small and JSON-clean. */
export function node(label: string, value?: string, children?: TreeNode[], note?: string): TreeNode {
  const n: TreeNode = { label };
  if (value !== undefined) n.value = value;
  if (children?.length) n.children = children;
  if (note) n.note = note;
  return n;
}

/** Indented text of a tree, for the CLI and for golden tests. */
export function treeToText(root: TreeNode, indent = ''): string {
  const head = `${indent}${root.label}${root.value !== undefined ? `: ${root.value}` : ''}${root.note ? `  (${root.note})` : ''}`;
  return [head, ...(root.children ?? []).map((c) => treeToText(c, `${indent}  `))].join('\n');
}
