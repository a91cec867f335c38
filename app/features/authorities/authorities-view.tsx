/** Certificate authorities: create a root, an intermediate, import one, see what each issued. */
import { CaList } from './ca-list.tsx';
import { CreateCaForm } from './create-ca-form.tsx';
import { ImportCaForm } from './import-ca-form.tsx';

export function AuthoritiesView() {
  return (
    <section aria-labelledby="authorities-heading">
      <h2 id="authorities-heading">Certificate authorities</h2>
      <div className="columns">
        <CreateCaForm kind="root" />
        <CreateCaForm kind="intermediate" />
        <ImportCaForm />
      </div>
      <h3>In the workspace</h3>
      <CaList />
    </section>
  );
}
