#!/usr/bin/env node
import "../dist/steward.js";
