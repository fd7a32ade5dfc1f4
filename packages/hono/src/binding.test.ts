import { describeBinding } from "../../http/test-support/binding-suite.js";
import { testApp } from "./test-app.js";

describeBinding(testApp);
