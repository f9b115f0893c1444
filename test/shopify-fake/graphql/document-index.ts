import {
  Kind,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type SelectionSetNode,
} from "graphql";

export interface ArgumentSite {
  node: ArgumentNode;
  field: FieldNode;
  path: string[];
}

/**
 * Where each node sits in the document, in the shape Shopify (graphql-ruby) reports validation errors:
 * `["query Name", "orders", "nodes", "id"]`, arguments appended by name.
 */
export class DocumentIndex {
  private readonly paths = new Map<ASTNode, string[]>();
  private readonly argumentSites: ArgumentSite[] = [];
  readonly operationNames = new Map<ASTNode, string>();

  constructor(document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        const label = definition.name
          ? `${definition.operation} ${definition.name.value}`
          : definition.operation;
        this.paths.set(definition, [label]);
        this.operationNames.set(definition, definition.name?.value ?? `anonymous ${definition.operation}`);
        for (const variable of definition.variableDefinitions ?? []) this.paths.set(variable, [label]);
        this.walk(definition.selectionSet, [label]);
      } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const label = `fragment ${definition.name.value}`;
        this.paths.set(definition, [label]);
        this.walk(definition.selectionSet, [label]);
      }
    }
  }

  private walk(selectionSet: SelectionSetNode, path: string[]): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldPath = [...path, selection.name.value];
        this.paths.set(selection, fieldPath);
        for (const argument of selection.arguments ?? []) {
          const argumentPath = [...fieldPath, argument.name.value];
          this.paths.set(argument, argumentPath);
          this.argumentSites.push({ node: argument, field: selection, path: argumentPath });
        }
        if (selection.selectionSet) this.walk(selection.selectionSet, fieldPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const label = selection.typeCondition ? `... on ${selection.typeCondition.name.value}` : "...";
        const fragmentPath = [...path, label];
        this.paths.set(selection, fragmentPath);
        this.walk(selection.selectionSet, fragmentPath);
      } else {
        this.paths.set(selection, [...path, `... ${selection.name.value}`]);
      }
    }
  }

  pathOf(node: ASTNode | undefined): string[] | undefined {
    return node ? this.paths.get(node) : undefined;
  }

  /** The innermost argument whose source range contains the node (a literal, a variable, an input field). */
  argumentAround(node: ASTNode | undefined): ArgumentSite | undefined {
    const start = node?.loc?.start;
    if (start === undefined) return undefined;
    let best: ArgumentSite | undefined;
    for (const site of this.argumentSites) {
      const loc = site.node.loc;
      if (!loc || start < loc.start || start >= loc.end) continue;
      if (!best?.node.loc || loc.start >= best.node.loc.start) best = site;
    }
    return best;
  }
}
