/** The shape of a coach card while results load; hidden from assistive tech (a status says it). */
export const CoachCardSkeleton = () => (
  <div
    className="card coach-card coach-card--skeleton"
    aria-hidden="true"
    data-testid="coach-card-skeleton"
  >
    <div className="coach-card__head">
      <span className="skeleton skeleton--circle" />
      <div className="coach-card__identity">
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--short" />
      </div>
    </div>
    <span className="skeleton" />
    <span className="skeleton skeleton--short" />
    <span className="skeleton skeleton--tags" />
  </div>
);
