import { useNavigation } from 'react-router-dom';

/** A thin bar while the next page's code loads, so a slow network does not feel frozen. */
export const RouteProgress = () => {
  const { state } = useNavigation();
  if (state === 'idle') return null;
  return <div className="route-progress" aria-hidden="true" />;
};
