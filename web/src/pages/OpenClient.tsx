import { type FormEvent, useState } from "react";
import { navigate } from "../router.js";

/** Open any client by id (someone outside one's caseload: the hub decides what is shown). */
export function OpenClient() {
  const [id, setId] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) navigate(`/app/clients/${encodeURIComponent(id.trim())}`);
  };
  return (
    <form onSubmit={submit} className="inline" aria-label="Öppna klient / Open client">
      <label htmlFor="client-id">Klientens id / Client id</label>
      <input id="client-id" name="clientId" value={id} onChange={(event) => setId(event.target.value)} required />
      <button type="submit">Öppna / Open</button>
    </form>
  );
}
