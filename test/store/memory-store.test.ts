import { MemoryTaskStore } from '../../src/store/memory-store';
import { describeTaskStoreContract } from './contract';

describeTaskStoreContract('memory', async () => new MemoryTaskStore());
