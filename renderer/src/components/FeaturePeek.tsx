/** What the reading pane shows before sign-in: a quiet preview of how Skimmer works. */
export function FeaturePeek() {
  return (
    <div className="peek" aria-label="What Skimmer does">
      <div className="peek__card">
        <h2 className="peek__title">Search the way you do in Gmail</h2>
        <p className="peek__text">Every operator, answered from this computer in milliseconds, even offline.</p>
        <ul className="peek__queries">
          <li>
            <code>from:ana has:attachment</code>
          </li>
          <li>
            <code>after:2024/01/01 label:work</code>
          </li>
          <li>
            <code>&quot;quarterly report&quot; -is:read</code>
          </li>
          <li>
            <code>larger:5M older_than:1y</code>
          </li>
        </ul>
      </div>
      <div className="peek__card">
        <h2 className="peek__title">Made for the keyboard</h2>
        <dl className="peek__keys">
          <div>
            <dt>
              <kbd>j</kbd> <kbd>k</kbd>
            </dt>
            <dd>Move through conversations</dd>
          </div>
          <div>
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>Search</dd>
          </div>
          <div>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>All shortcuts</dd>
          </div>
        </dl>
      </div>
      <div className="peek__card">
        <h2 className="peek__title">Private by design</h2>
        <p className="peek__text">
          Read-only access. Mail is shown in a locked-down frame: no scripts, and no remote images until you ask.
        </p>
      </div>
    </div>
  );
}
