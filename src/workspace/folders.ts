// The names of a workspace's folders that more than one module needs.
export const RETURNS_FOLDER = "returns";
export const ACTIONS_FOLDER = "actions";
export const ASSURANCE_FOLDER = "assurance";
