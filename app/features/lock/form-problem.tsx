/** A lock form's message that belongs to none of its inputs (a failed write, a damaged lock). */
export function FormProblem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
