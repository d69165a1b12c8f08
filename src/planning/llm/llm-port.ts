/** The model client the LLM planner talks to: the `src/llm` port, never the `openai` SDK. */
export type { ChatMessage, ChatRequest, ChatResult, LlmClient } from '../../llm/port';
