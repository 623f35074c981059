import { createRouter } from "../../lib/create-app";
import * as handlers from "./public-follow-up.handlers";
import * as routes from "./public-follow-up.routes";

export const publicFollowUpRouter = createRouter().openapi(routes.question, handlers.question).openapi(routes.answer, handlers.answer);
