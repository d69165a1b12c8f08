import { useCallback, useState } from 'react';

/** Says what just happened (a decision made, a schedule paused) to screen readers, politely. */
export function useAnnouncer(): { message: string; say: (message: string) => void } {
  const [message, setMessage] = useState('');
  const say = useCallback((text: string) => setMessage(text), []);
  return { message, say };
}

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function Announcer(props: { message: string }) {
  return (
    <div role="status" aria-live="polite" style={visuallyHidden}>
      {props.message}
    </div>
  );
}
