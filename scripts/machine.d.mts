// Types of scripts/machine.mjs (plain JavaScript: it runs before the dependencies are installed).
export function dependenciesMatchLock(root?: string): boolean;
export function missingDebianPackages(command: 'start' | 'test'): string[];
