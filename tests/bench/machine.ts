/** The machine a run measured, so figures are never read without it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  chromium: string;
  node: string;
  date: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function cpuModel(): string {
  const line = readText('/proc/cpuinfo')
    ?.split('\n')
    .find((entry) => entry.startsWith('model name'));
  return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
}

function operatingSystem(): string {
  const pretty = readText('/etc/os-release')
    ?.split('\n')
    .find((line) => line.startsWith('PRETTY_NAME='));
  const name = pretty?.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '');
  return `${name ?? type()} (kernel ${release()})`;
}

function chromiumVersion(executable: string): string {
  try {
    const output = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.trim().split('\n').pop() ?? 'unknown';
  } catch {
    return `not found (${executable})`;
  }
}

export function describeMachine(chromiumExecutable: string, now = new Date()): Machine {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    os: operatingSystem(),
    chromium: chromiumVersion(chromiumExecutable),
    node: process.version,
    date: now.toISOString().slice(0, 10),
  };
}

export function machineLines(machine: Machine): string[] {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; memory ${machine.memory}`,
    `- OS: ${machine.os}`,
    `- Browser: ${machine.chromium} (headless); Node ${machine.node}`,
    `- Date: ${machine.date}`,
  ];
}
