// Worker-thread entry of the text stage: analyses batches of texts with one analyzer per thread.
import { serveTasks, workerSetup } from '../worker-thread.ts';
import { analyseTask, createRecordAnalyzer, type AnalyzeTask, type TextSetup } from './analyze.ts';

const analyze = createRecordAnalyzer(workerSetup<TextSetup>());
serveTasks<AnalyzeTask, void>((task) => analyseTask(analyze, task));
