import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportKind, type ImportMapping } from "@kexin/contracts";
import { invalid } from "../app-error.ts";
import { suggestMapping } from "./suggest-mapping.ts";

/**
 * The mapping an import uses: the suggestion from the header, overridden by what the user chose (an empty
 * column unmaps a field). Every field must be one the import knows, every column one the file has, and every
 * required field mapped.
 * @throws AppError import.unknown_field / import.unknown_column / import.unmapped_field, field `mapping.<field>`.
 */
export function resolveMapping(kind: ImportKind, columns: readonly string[], requested: ImportMapping = {}): ImportMapping {
  const fields = IMPORT_FIELDS[kind];
  const mapping: ImportMapping = { ...suggestMapping(kind, columns) };
  for (const [field, column] of Object.entries(requested)) {
    if (!fields.includes(field)) {
      throw invalid("import.unknown_field", `${kind} have no field "${field}"; fields are: ${fields.join(", ")}`, `mapping.${field}`);
    }
    if (column === "") {
      delete mapping[field];
      continue;
    }
    if (!columns.includes(column)) {
      throw invalid(
        "import.unknown_column",
        `${field}: the file has no column "${column}" (columns: ${columns.join(", ")})`,
        `mapping.${field}`,
      );
    }
    // A column chosen explicitly is no longer available to a suggested field.
    for (const [other, otherColumn] of Object.entries(mapping)) if (otherColumn === column && other !== field) delete mapping[other];
    mapping[field] = column;
  }
  for (const field of REQUIRED_IMPORT_FIELDS[kind]) {
    if (!mapping[field]) {
      throw invalid(
        "import.unmapped_field",
        `${field} is required: choose the column that holds it (columns: ${columns.join(", ")})`,
        `mapping.${field}`,
      );
    }
  }
  return mapping;
}
