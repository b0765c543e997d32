// Lesson 14: the recap, a link back to the first step of every lesson of the course.
import { LESSONS } from '../../../lessons/catalog';
import './widgets.css';

export function CourseRecap() {
  return (
    <nav aria-label="Every lesson of the course" data-panel-ready="true" data-testid="course-recap">
      <table className="data-table widget-recap-table">
        <caption>Every lesson, with what it teaches; each title opens its first step.</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">lesson</th>
            <th scope="col">what it teaches</th>
          </tr>
        </thead>
        <tbody>
          {LESSONS.map((l, i) => (
            <tr key={l.slug}>
              <td className="mono">{String(i + 1).padStart(2, '0')}</td>
              <th scope="row">
                <a href={`#/learn/${l.slug}/1`} data-testid={`recap-${l.slug}`}>
                  {l.title}
                </a>
              </th>
              <td>{l.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </nav>
  );
}
