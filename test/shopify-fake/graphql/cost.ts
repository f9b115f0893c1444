import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Shopify's published cost rules: scalars and enums 0, objects 1, connections 2 + first × (cost of one
 * node), mutations 10. Abstract selections cost their most expensive branch. Inside a mutation payload
 * only connections add to the 10. Per-field overrides Shopify applies internally are not reproduced.
 */
export const MUTATION_COST = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown>;

function isData(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith("Connection") && isObjectType(type) && "pageInfo" in type.getFields();
}

function fieldDefinition(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function argument(field: FieldNode, name: string, walk: Walk): unknown {
  const node = field.arguments?.find((a) => a.name.value === name)?.value;
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return walk.variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values;
  return undefined;
}

function pageSize(field: FieldNode, walk: Walk): number {
  const first = argument(field, "first", walk);
  const last = argument(field, "last", walk);
  if (typeof first === "number") return first;
  if (typeof last === "number") return last;
  const ids = argument(field, "ids", walk);
  return Array.isArray(ids) ? ids.length : 1;
}

/** Visits a selection set's fields, each with the type it is selected on; fragments branch by type. */
function eachBranch(
  type: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  walk: Walk,
  visitField: (on: GraphQLNamedType, field: FieldNode) => number,
): number {
  let common = 0;
  const branches = new Map<string, number>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      common += visitField(type, selection);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const conditionName = fragment.typeCondition?.name.value ?? type.name;
    const condition = walk.schema.getType(conditionName) ?? type;
    const cost = eachBranch(condition, fragment.selectionSet, walk, visitField);
    if (conditionName === type.name) common += cost;
    else branches.set(conditionName, (branches.get(conditionName) ?? 0) + cost);
  }
  return common + Math.max(0, ...branches.values());
}

function connectionNodeCost(type: GraphQLNamedType, field: FieldNode, walk: Walk): number {
  let nodeCost = 0;
  eachBranch(type, field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, walk, (on, child) => {
    const definition = fieldDefinition(on, child.name.value);
    if (!definition || !child.selectionSet) return 0;
    const named = getNamedType(definition.type);
    if (child.name.value === "nodes")
      nodeCost = Math.max(nodeCost, 1 + requestedSelection(named, child.selectionSet, walk));
    if (child.name.value === "edges") {
      eachBranch(named, child.selectionSet, walk, (edgeType, edgeField) => {
        const nodeDefinition = fieldDefinition(edgeType, edgeField.name.value);
        if (edgeField.name.value === "node" && nodeDefinition && edgeField.selectionSet) {
          const cost =
            1 + requestedSelection(getNamedType(nodeDefinition.type), edgeField.selectionSet, walk);
          nodeCost = Math.max(nodeCost, cost);
        }
        return 0;
      });
    }
    return 0;
  });
  return nodeCost;
}

function requestedField(on: GraphQLNamedType, field: FieldNode, walk: Walk, connectionsOnly = false): number {
  const definition = fieldDefinition(on, field.name.value);
  if (!definition || field.name.value.startsWith("__")) return 0;
  const named = getNamedType(definition.type);
  if (isLeafType(named) || !field.selectionSet) return 0;
  if (isConnection(named)) return 2 + pageSize(field, walk) * connectionNodeCost(named, field, walk);
  const children = connectionsOnly
    ? eachBranch(named, field.selectionSet, walk, (t, f) => requestedField(t, f, walk, true))
    : requestedSelection(named, field.selectionSet, walk);
  if (connectionsOnly) return children;
  const perItem = 1 + children;
  return isListType(getNullableType(definition.type)) ? pageSize(field, walk) * perItem : perItem;
}

function requestedSelection(type: GraphQLNamedType, selectionSet: SelectionSetNode, walk: Walk): number {
  return eachBranch(type, selectionSet, walk, (on, field) => requestedField(on, field, walk));
}

export function requestedCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const walk: Walk = { schema, fragments, variables };
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  if (operation.operation === "mutation") {
    return eachBranch(root, operation.selectionSet, walk, (on, field) =>
      field.name.value.startsWith("__") ? 0 : MUTATION_COST + requestedField(on, field, walk, true),
    );
  }
  return requestedSelection(root, operation.selectionSet, walk);
}

/** The same rules applied to what was actually returned: connections count the nodes they hold. */
function actualSelection(
  type: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  data: Data,
  walk: Walk,
  connectionsOnly: boolean,
): number {
  const seen = new Set<string>();
  return eachBranch(type, selectionSet, walk, (on, field) => {
    const key = field.alias?.value ?? field.name.value;
    if (seen.has(key) || !(key in data)) return 0;
    seen.add(key);
    return actualField(on, field, data[key], walk, connectionsOnly);
  });
}

function actualField(
  on: GraphQLNamedType,
  field: FieldNode,
  value: unknown,
  walk: Walk,
  connectionsOnly: boolean,
): number {
  const definition = fieldDefinition(on, field.name.value);
  if (!definition || !field.selectionSet || value === null || value === undefined) return 0;
  const named = getNamedType(definition.type);
  if (!isCompositeType(named)) return 0;
  if (isConnection(named) && isData(value)) {
    const nodes = Array.isArray(value.nodes) ? value.nodes : Array.isArray(value.edges) ? value.edges : [];
    let total = 2;
    for (let index = 0; index < nodes.length; index += 1)
      total += 1 + nodeChildrenCost(named, field, value, index, walk);
    return total;
  }
  const items = Array.isArray(value) ? value : [value];
  return items.reduce<number>((sum, item) => {
    if (!isData(item)) return sum;
    const children = actualSelection(
      named,
      field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] },
      item,
      walk,
      connectionsOnly,
    );
    return sum + (connectionsOnly ? 0 : 1) + children;
  }, 0);
}

function nodeChildrenCost(
  type: GraphQLNamedType,
  field: FieldNode,
  connection: Data,
  index: number,
  walk: Walk,
): number {
  let cost = 0;
  eachBranch(type, field.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, walk, (on, child) => {
    const definition = fieldDefinition(on, child.name.value);
    const key = child.alias?.value ?? child.name.value;
    const list = connection[key];
    if (!definition || !child.selectionSet || !Array.isArray(list)) return 0;
    const named = getNamedType(definition.type);
    const item: unknown = list[index];
    if (child.name.value === "nodes" && isData(item))
      cost = Math.max(cost, actualSelection(named, child.selectionSet, item, walk, false));
    if (child.name.value === "edges" && isData(item)) {
      eachBranch(named, child.selectionSet, walk, (edgeType, edgeField) => {
        const nodeDefinition = fieldDefinition(edgeType, edgeField.name.value);
        const node = item[edgeField.alias?.value ?? edgeField.name.value];
        if (edgeField.name.value === "node" && nodeDefinition && edgeField.selectionSet && isData(node)) {
          cost = Math.max(
            cost,
            actualSelection(getNamedType(nodeDefinition.type), edgeField.selectionSet, node, walk, false),
          );
        }
        return 0;
      });
    }
    return 0;
  });
  return cost;
}

export function actualCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  const walk: Walk = { schema, fragments, variables };
  const root = schema.getRootType(operation.operation);
  if (!root || !isData(data)) return operation.operation === "mutation" ? MUTATION_COST : 0;
  if (operation.operation === "mutation") {
    return eachBranch(root, operation.selectionSet, walk, (on, field) => {
      if (field.name.value.startsWith("__")) return 0;
      const value = data[field.alias?.value ?? field.name.value];
      return MUTATION_COST + actualField(on, field, value, walk, true);
    });
  }
  return actualSelection(root, operation.selectionSet, data, walk, false);
}
