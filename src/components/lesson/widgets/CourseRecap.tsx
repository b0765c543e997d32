// Lesson 14: the recap, a link back to the first step of every lesson of the course.
import { LESSONS } from '../../../lessons/catalog';
import './later.css';

export function CourseRecap() {
  return (
    <nav aria-label="Every lesson of the course" data-panel-ready="true" data-testid="course-recap">
      <ol className="later-recap">
        {LESSONS.map((l) => (
          <li key={l.slug}>
            <a href={`#/learn/${l.slug}/1`} data-testid={`recap-${l.slug}`}>
              {l.title}
            </a>
            : {l.summary}
          </li>
        ))}
      </ol>
    </nav>
  );
}
