/** The reason a typed value was refused, tied to its field by `aria-describedby`. */
export function FieldProblem({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p id={id} role="alert" class="field-problem">
      {text}
    </p>
  );
}
