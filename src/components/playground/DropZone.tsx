// A file drop zone: highlights while something is dragged over it and hands the drop event on.
import { useState, type DragEvent, type ReactNode } from 'react';

export function DropZone({
  testId,
  onDrop,
  children,
}: {
  testId: string;
  onDrop: (e: DragEvent) => void;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`pg-drop${dragging ? ' pg-drop-active' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onDrop(e);
      }}
    >
      {children}
    </div>
  );
}
