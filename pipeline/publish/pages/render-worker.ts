// A render thread of the site (drawPages): draws each page file it is sent in every language.
import { serveTasks } from '../../worker-thread.ts';
import { drawPage, type DrawnPage, type PageDrawing } from './page-render.ts';

serveTasks<PageDrawing, DrawnPage>(drawPage);
