import { createRouter } from "../../lib/create-app";
import * as handlers from "./calendar.handlers";
import * as routes from "./calendar.routes";

export const calendarRouter = createRouter().openapi(routes.calendar, handlers.calendar).openapi(routes.feed, handlers.feed);
