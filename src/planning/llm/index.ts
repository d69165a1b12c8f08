export { LlmPlanner, type LlmPlannerOptions } from './llm-planner';
export { ANSWER_SCHEMA, ANSWER_SCHEMA_NAME, parseAnswer, type Answer } from './answer';
export { gatherContext, type PlanningContext } from './context';
export { catalogueText, describeAction, jsonSchemaOf } from './prompt/catalogue-text';
