import { useEffect, useRef } from 'react';

/** The participant's own camera, muted (no echo), labelled as only theirs to see. */
export function CameraPreview(props: { stream: MediaStream; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = props.stream;
  }, [props.stream]);
  return (
    <figure className="camera-preview">
      <video ref={video} autoPlay muted playsInline aria-label={props.label} />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
