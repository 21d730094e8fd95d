import { MailOpenIcon } from './icons';

/** The right-hand pane; until a message is chosen it says what will appear here. */
export function ReadingPane() {
  return (
    <section className="reading-pane" aria-label="Reading pane">
      <div className="empty-state">
        <MailOpenIcon size={40} className="empty-state__icon" />
        <p className="empty-state__title">Nothing selected</p>
        <p className="empty-state__text">Pick a message from the list to read it here.</p>
      </div>
    </section>
  );
}
