//! The control-flow graph of one code object, and CPython 3.11's passes over it.
//!
//! Code generation fills [`Block`]s exactly where `Python/compile.c` opens them, with
//! virtual jumps (direction unknown) and the pseudo-instructions that bracket
//! exception handling (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`).
//! The passes here are CPython's, in its order, so the instructions that survive are CPython's:
//! constant conditions become jumps or vanish, jumps to jumps are threaded, constant
//! tuples are built at compile time, `SWAP`s are minimised, unreachable blocks are
//! dropped, small exit blocks are copied into the blocks that jump to them, line
//! numbers flow to instructions without one, and `NOP`s survive only where they are a
//! line's sole instruction. Then the stack depth of every block is known, each
//! instruction learns its exception handler, and jumps learn their direction.

use pyc_bytecode::{Constant, Opcode};

use super::fold::truthy;
use super::loc::Loc;

/// Index of a block in [`Cfg::blocks`]; block 0 is the entry.
pub type BlockId = usize;

/// The largest exit block copied into a block that jumps to it.
const MAX_COPY_SIZE: usize = 4;

/// An operation in the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// A real instruction.
    Real(Opcode),
    /// An unconditional jump (`JUMP_FORWARD` or `JUMP_BACKWARD` once laid out).
    Jump,
    /// The back edge of `yield from` (`JUMP_BACKWARD_NO_INTERRUPT` once laid out).
    JumpNoInterrupt,
    /// Pops; jumps if false.
    PopJumpIfFalse,
    /// Pops; jumps if true.
    PopJumpIfTrue,
    /// Pops; jumps if `None`.
    PopJumpIfNone,
    /// Pops; jumps if not `None`.
    PopJumpIfNotNone,
    /// Protects what follows with the handler at the target (the exception is pushed).
    SetupFinally,
    /// Like `SetupFinally`, and the raising instruction's index is pushed first.
    SetupCleanup,
    /// Protects a `with` body: the handler finds the stack cut back to the bound
    /// `__exit__`, then the raising instruction's index and the exception pushed.
    SetupWith,
    /// Ends the innermost protection.
    PopBlock,
}

impl Op {
    /// Whether the operation has a jump target (CPython's `is_jump`).
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.is_jump(),
            Op::SetupFinally | Op::SetupCleanup | Op::SetupWith | Op::PopBlock => false,
            _ => true,
        }
    }

    /// Whether it opens a protected range.
    fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Whether it leaves the code object (`RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`).
    fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        )
    }

    /// Whether control never continues to the next instruction.
    fn is_unconditional(self) -> bool {
        matches!(self, Op::Jump | Op::JumpNoInterrupt) || self.is_scope_exit()
    }

    /// Whether the instruction must be the last of its block.
    pub fn ends_block(self) -> bool {
        self.is_jump() || self.is_scope_exit()
    }

    /// The stack effect when falling through (`jump == false`) or jumping.
    fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(arg, jump),
            Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::SetupFinally | Op::SetupWith => i32::from(jump),
            Op::SetupCleanup => 2 * i32::from(jump),
        }
    }
}

/// One instruction in the graph.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    /// The operation.
    pub op: Op,
    /// Its argument (for deref operations, an index into cell names then free names).
    pub arg: u32,
    /// The block a jump or setup targets.
    pub target: Option<BlockId>,
    /// The source location (its line -1 for none).
    pub loc: Loc,
    /// The handler in force, once [`Cfg::label_exception_targets`] has run.
    pub except: Option<BlockId>,
}

impl Instr {
    fn is(&self, op: Opcode) -> bool {
        self.op == Op::Real(op)
    }

    fn nop(&mut self) {
        self.op = Op::Real(Opcode::Nop);
    }
}

/// A basic block: straight-line instructions, then the block control falls into.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The block that follows in layout order.
    pub next: Option<BlockId>,
    predecessors: u32,
    start_depth: Option<i32>,
    preserve_lasti: bool,
}

impl Block {
    /// Whether control cannot fall out of the block's end.
    fn no_fallthrough(&self) -> bool {
        self.instrs.last().is_some_and(|i| i.op.is_unconditional())
    }

    /// Whether the block ends the code object (a return or raise).
    fn is_exit(&self) -> bool {
        self.instrs.last().is_some_and(|i| i.op.is_scope_exit())
    }

    fn has_lineno(&self) -> bool {
        self.instrs.iter().any(|i| i.loc.line > 0)
    }

    fn is_exit_without_lineno(&self) -> bool {
        self.is_exit() && self.instrs.iter().all(|i| i.loc.line < 0)
    }
}

/// The constants of the code object, shared with code generation.
pub trait ConstPool {
    /// The constant at `index`.
    fn get(&self, index: u32) -> &Constant;
    /// The index of `constant`, added if new.
    fn add(&mut self, constant: Constant) -> u32;
}

/// The block graph of one code object.
#[derive(Debug, Default)]
pub struct Cfg {
    /// Every block, in creation order; block 0 is the entry.
    pub blocks: Vec<Block>,
}

impl Cfg {
    /// A new, empty, unlinked block.
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// The blocks in layout order, from the entry along `next`.
    pub fn order(&self) -> Vec<BlockId> {
        let mut order = Vec::new();
        let mut b = Some(0);
        while let Some(id) = b {
            order.push(id);
            b = self.blocks[id].next;
        }
        order
    }

    /// The blocks newest first (CPython's `b_list` order).
    fn newest_first(&self) -> impl Iterator<Item = BlockId> {
        (0..self.blocks.len()).rev()
    }

    /// The first non-empty block at or after `b`.
    fn skip_empty(&self, mut b: BlockId) -> BlockId {
        while self.blocks[b].instrs.is_empty() {
            b = self.blocks[b].next.expect("code ends in a non-empty block");
        }
        b
    }

    /// `normalize_basic_block`: jumps skip over empty blocks.
    pub fn normalize(&mut self) {
        for b in 0..self.blocks.len() {
            if let Some(last) = self.blocks[b].instrs.last().copied() {
                if let (true, Some(target)) = (last.op.is_jump(), last.target) {
                    let target = self.skip_empty(target);
                    self.blocks[b].instrs.last_mut().expect("non-empty").target = Some(target);
                }
            }
        }
    }

    /// `extend_block` on every block: a jump to a small exit block without line numbers
    /// (an implicit `return None`) becomes a copy of that block.
    pub fn extend_blocks(&mut self) {
        for b in self.newest_first() {
            let Some(last) = self.blocks[b].instrs.last().copied() else {
                continue;
            };
            if last.op != Op::Jump {
                continue;
            }
            let target = &self.blocks[last.target.expect("a jump has a target")];
            if !target.is_exit() || target.instrs.len() > MAX_COPY_SIZE || target.has_lineno() {
                continue;
            }
            let copy = target.instrs.clone();
            let block = &mut self.blocks[b];
            block.instrs.last_mut().expect("non-empty").nop();
            block.instrs.extend(copy);
        }
    }

    /// `optimize_cfg`: peephole optimisation of each block, then removal of unreachable
    /// blocks and of jumps to the next block.
    pub fn optimize(&mut self, consts: &mut dyn ConstPool) {
        for b in self.order() {
            self.optimize_block(b, consts);
            self.clean_block(b);
        }
        self.extend_blocks();
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        self.eliminate_empty_blocks();
        for b in self.order() {
            self.clean_block(b);
        }
        let mut removed = false;
        for b in self.order() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && last.target == next {
                    last.nop();
                    removed = true;
                }
            }
        }
        if removed {
            self.eliminate_empty_blocks();
        }
    }

    /// `optimize_basic_block`.
    fn optimize_block(&mut self, b: BlockId, consts: &mut dyn ConstPool) {
        let mut i = 0;
        while i < self.blocks[b].instrs.len() {
            let inst = self.blocks[b].instrs[i];
            let next_op = self.blocks[b].instrs.get(i + 1).map(|n| n.op);
            let target = if inst.op.is_jump() || inst.op.is_block_push() {
                let t = self.skip_empty(inst.target.expect("a jump has a target"));
                self.blocks[b].instrs[i].target = Some(t);
                Some((t, self.blocks[t].instrs[0]))
            } else {
                None
            };
            let instrs = &mut self.blocks[b].instrs;
            match inst.op {
                Op::Real(Opcode::LoadConst) => fold_constant_test(instrs, i, consts),
                Op::Real(Opcode::BuildTuple) => {
                    let n = inst.arg as usize;
                    let unpack = instrs.get(i + 1).filter(|u| u.is(Opcode::UnpackSequence));
                    match unpack.map(|u| u.arg) {
                        Some(1) if n == 1 => {
                            instrs[i].nop();
                            instrs[i + 1].nop();
                        }
                        Some(m) if m as usize == n && (n == 2 || n == 3) => {
                            instrs[i].nop();
                            instrs[i + 1].op = Op::Real(Opcode::Swap);
                        }
                        _ if i >= n => fold_tuple(instrs, i, consts),
                        _ => {}
                    }
                }
                Op::Real(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop) => {
                    let (target_block, target) = target.expect("a jump has a target");
                    let if_false = inst.is(Opcode::JumpIfFalseOrPop);
                    let (same_pop, same_keep, opposite_pop, opposite_keep) = if if_false {
                        (
                            Op::PopJumpIfFalse,
                            Opcode::JumpIfFalseOrPop,
                            Op::PopJumpIfTrue,
                            Opcode::JumpIfTrueOrPop,
                        )
                    } else {
                        (
                            Op::PopJumpIfTrue,
                            Opcode::JumpIfTrueOrPop,
                            Op::PopJumpIfFalse,
                            Opcode::JumpIfFalseOrPop,
                        )
                    };
                    if target.op == same_pop {
                        if jump_thread(&mut instrs[i], &target, same_pop) {
                            continue;
                        }
                    } else if target.op == Op::Jump || target.op == Op::Real(same_keep) {
                        if jump_thread(&mut instrs[i], &target, Op::Real(same_keep)) {
                            continue;
                        }
                    } else if (target.op == opposite_pop || target.op == Op::Real(opposite_keep))
                        && inst.loc.line == target.loc.line
                    {
                        // The second test must fail where the first holds: skip it.
                        let after = self.blocks[target_block].next;
                        let inst = &mut self.blocks[b].instrs[i];
                        inst.op = same_pop;
                        inst.target = after;
                        continue;
                    }
                }
                Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::PopJumpIfNone
                | Op::PopJumpIfNotNone
                | Op::Jump => {
                    let (_, target) = target.expect("a jump has a target");
                    if target.op == Op::Jump && jump_thread(&mut instrs[i], &target, inst.op) {
                        continue;
                    }
                }
                Op::Real(Opcode::Swap) => {
                    if inst.arg == 1 {
                        instrs[i].nop();
                    } else {
                        i = swaptimize(instrs, i);
                        apply_static_swaps(instrs, i);
                    }
                }
                Op::Real(Opcode::PushNull) if next_op == Some(Op::Real(Opcode::LoadGlobal)) => {
                    instrs[i].nop();
                    instrs[i + 1].arg |= 1;
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// `clean_basic_block`: drops `NOP`s, keeping one only where it is the sole
    /// instruction of its line.
    fn clean_block(&mut self, b: BlockId) {
        let next_line = {
            let mut next = self.blocks[b].next;
            while let Some(n) = next.filter(|&n| self.blocks[n].instrs.is_empty()) {
                next = self.blocks[n].next;
            }
            next.map(|n| self.blocks[n].instrs[0].loc.line)
        };
        let instrs = &mut self.blocks[b].instrs;
        let mut kept: Vec<Instr> = Vec::with_capacity(instrs.len());
        let mut prev_line = -1;
        for src in 0..instrs.len() {
            let inst = instrs[src];
            let line = inst.loc.line;
            if inst.is(Opcode::Nop) {
                if line < 0 || prev_line == line {
                    continue;
                }
                match instrs.get(src + 1) {
                    Some(next) if next.loc.line == line => continue,
                    Some(next) if next.loc.line < 0 => {
                        instrs[src + 1].loc = inst.loc;
                        continue;
                    }
                    None if next_line == Some(line) => continue,
                    _ => {}
                }
            }
            kept.push(instrs[src]);
            prev_line = line;
        }
        *instrs = kept;
    }

    /// Counts each block's predecessors (fall-through, jumps and handlers); blocks left
    /// at zero are unreachable.
    fn mark_reachable(&mut self) {
        for block in &mut self.blocks {
            block.predecessors = 0;
        }
        self.blocks[0].predecessors = 1;
        let mut stack = vec![0];
        while let Some(b) = stack.pop() {
            let block = &self.blocks[b];
            let mut successors = Vec::new();
            if let (Some(next), false) = (block.next, block.no_fallthrough()) {
                successors.push(next);
            }
            successors.extend(
                block
                    .instrs
                    .iter()
                    .filter(|i| i.op.is_jump() || i.op.is_block_push())
                    .map(|i| i.target.expect("a jump has a target")),
            );
            for s in successors {
                if self.blocks[s].predecessors == 0 {
                    stack.push(s);
                }
                self.blocks[s].predecessors += 1;
            }
        }
    }

    /// Unlinks empty blocks from the layout and retargets jumps past them.
    fn eliminate_empty_blocks(&mut self) {
        for b in self.order() {
            let mut next = self.blocks[b].next;
            while let Some(n) = next {
                if !self.blocks[n].instrs.is_empty() || self.blocks[n].next.is_none() {
                    break;
                }
                next = self.blocks[n].next;
            }
            self.blocks[b].next = next;
        }
        for b in self.order() {
            if let Some(last) = self.blocks[b].instrs.last().copied() {
                if let (true, Some(t)) = (last.op.is_jump(), last.target) {
                    let t = self.skip_empty(t);
                    self.blocks[b].instrs.last_mut().expect("non-empty").target = Some(t);
                }
            }
        }
    }

    /// `duplicate_exits_without_lineno`: an exit block without line numbers reached by
    /// several jumps is copied for each, so each copy can take its jump's line.
    pub fn duplicate_exits_without_lineno(&mut self) {
        for b in self.newest_first() {
            let Some(last) = self.blocks[b].instrs.last().copied() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let target = last.target.expect("a jump has a target");
            if !self.blocks[target].is_exit_without_lineno()
                || self.blocks[target].predecessors <= 1
            {
                continue;
            }
            let mut copy = Block {
                instrs: self.blocks[target].instrs.clone(),
                next: self.blocks[target].next,
                predecessors: 1,
                ..Block::default()
            };
            copy.instrs[0].loc = last.loc;
            let new = self.blocks.len();
            self.blocks.push(copy);
            self.blocks[target].next = Some(new);
            self.blocks[target].predecessors -= 1;
            self.blocks[b].instrs.last_mut().expect("non-empty").target = Some(new);
        }
        for b in self.newest_first() {
            while let Some(n) = self.blocks[b].next {
                if !self.blocks[n].instrs.is_empty() {
                    break;
                }
                self.blocks[b].next = self.blocks[n].next;
            }
        }
        // The exits still without a line can only be reached by falling into them.
        for b in self.newest_first() {
            let block = &self.blocks[b];
            let (Some(next), Some(last)) = (block.next, block.instrs.last().copied()) else {
                continue;
            };
            if !block.no_fallthrough() && self.blocks[next].is_exit_without_lineno() {
                self.blocks[next].instrs[0].loc = last.loc;
            }
        }
    }

    /// `propagate_line_numbers`: an instruction without a line takes the previous one's;
    /// a block with one predecessor starts with its predecessor's last line.
    pub fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for inst in &mut self.blocks[b].instrs {
                if inst.loc.line < 0 {
                    inst.loc = prev;
                } else {
                    prev = inst.loc;
                }
            }
            let block = &self.blocks[b];
            let last = *block.instrs.last().expect("non-empty");
            let mut heirs = Vec::new();
            if let (false, Some(next)) = (block.no_fallthrough(), block.next) {
                heirs.push(next);
            }
            if last.op.is_jump() {
                heirs.push(last.target.expect("a jump has a target"));
            }
            for heir in heirs {
                let heir = &mut self.blocks[heir];
                if heir.predecessors == 1 && heir.instrs[0].loc.line < 0 {
                    heir.instrs[0].loc = prev;
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`: a return still without a line takes the line last
    /// seen before it.
    pub fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut line = firstlineno;
        for b in self.order() {
            let block = &mut self.blocks[b];
            let Some(last) = block.instrs.last().copied() else {
                continue;
            };
            if last.loc.line >= 0 {
                line = last.loc.line;
            } else if last.is(Opcode::ReturnValue) {
                // Only the line: the rest of the location stays as it was.
                for inst in &mut block.instrs {
                    inst.loc.line = line;
                }
            }
        }
    }

    /// `stackdepth`: the deepest the stack gets on any path, recording each block's
    /// depth on entry (a handler's tells the exception table how far to unwind). A
    /// generator's body starts empty: pyc counts the value `RETURN_GENERATOR` leaves
    /// for its `POP_TOP` as that instruction's push, where CPython starts at one.
    pub fn stack_depth(&mut self) -> u32 {
        for block in &mut self.blocks {
            block.start_depth = None;
        }
        let mut max = 0;
        let mut stack = Vec::new();
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<BlockId>, b: BlockId, d: i32| {
            if blocks[b].start_depth.is_none_or(|old| old < d) {
                blocks[b].start_depth = Some(d);
                stack.push(b);
            }
        };
        push(&mut self.blocks, &mut stack, 0, 0);
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].start_depth.expect("pushed with a depth");
            let mut falls_through = true;
            for i in 0..self.blocks[b].instrs.len() {
                let inst = self.blocks[b].instrs[i];
                let new_depth = depth + inst.op.stack_effect(inst.arg, false);
                max = max.max(new_depth);
                if inst.op.is_jump() || inst.op.is_block_push() {
                    let target_depth = depth + inst.op.stack_effect(inst.arg, true);
                    max = max.max(target_depth);
                    let target = inst.target.expect("a jump has a target");
                    push(&mut self.blocks, &mut stack, target, target_depth);
                }
                depth = new_depth;
                if inst.op.is_unconditional() {
                    falls_through = false;
                    break;
                }
            }
            if let (true, Some(next)) = (falls_through, self.blocks[b].next) {
                push(&mut self.blocks, &mut stack, next, depth);
            }
        }
        max.max(0) as u32
    }

    /// `label_exception_targets`: walks the graph with the stack of active handlers,
    /// recording on each instruction the handler that covers it.
    pub fn label_exception_targets(&mut self) {
        let mut handlers_at: Vec<Option<Vec<BlockId>>> = vec![None; self.blocks.len()];
        handlers_at[0] = Some(Vec::new());
        let mut todo = vec![0];
        while let Some(b) = todo.pop() {
            let mut handlers = handlers_at[b]
                .clone()
                .expect("visited with a handler stack");
            for i in 0..self.blocks[b].instrs.len() {
                let inst = self.blocks[b].instrs[i];
                if inst.op.is_block_push() {
                    let target = inst.target.expect("a setup has a target");
                    if handlers_at[target].is_none() {
                        handlers_at[target] = Some(handlers.clone());
                        todo.push(target);
                    }
                    if matches!(inst.op, Op::SetupCleanup | Op::SetupWith) {
                        self.blocks[target].preserve_lasti = true;
                    }
                    handlers.push(target);
                } else if inst.op == Op::PopBlock {
                    handlers.pop();
                } else {
                    self.blocks[b].instrs[i].except = handlers.last().copied();
                    if inst.op.is_jump() {
                        let target = inst.target.expect("a jump has a target");
                        if handlers_at[target].is_none() {
                            handlers_at[target] = Some(handlers.clone());
                            todo.push(target);
                        }
                    }
                }
            }
            let block = &self.blocks[b];
            if let (false, Some(next)) = (block.no_fallthrough(), block.next) {
                if handlers_at[next].is_none() {
                    handlers_at[next] = Some(handlers);
                    todo.push(next);
                }
            }
        }
    }

    /// Turns the exception-handling pseudo-instructions into `NOP`s and cleans every
    /// block once more.
    pub fn remove_pseudo_instructions(&mut self) {
        for b in self.order() {
            for inst in &mut self.blocks[b].instrs {
                if inst.op.is_block_push() || inst.op == Op::PopBlock {
                    inst.nop();
                }
            }
        }
        for b in self.order() {
            self.clean_block(b);
        }
    }

    /// The depth to unwind to and whether `lasti` is pushed, for a handler block.
    pub fn handler_frame(&self, handler: BlockId) -> (u32, bool) {
        let block = &self.blocks[handler];
        let depth = block.start_depth.expect("a handler is reachable") - 1;
        let lasti = block.preserve_lasti;
        ((depth - i32::from(lasti)) as u32, lasti)
    }
}

/// `LOAD_CONST c` followed by a conditional jump on it: the jump is decided now.
/// Also `LOAD_CONST None; IS_OP; POP_JUMP_IF_*` becomes `POP_JUMP_IF_(NOT_)NONE`.
fn fold_constant_test(instrs: &mut [Instr], i: usize, consts: &dyn ConstPool) {
    let Some(next) = instrs.get(i + 1).copied() else {
        return;
    };
    let constant = consts.get(instrs[i].arg);
    match next.op {
        Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
            instrs[i].nop();
            let jumps = truthy(constant) == (next.op == Op::PopJumpIfTrue);
            instrs[i + 1].op = if jumps {
                Op::Jump
            } else {
                Op::Real(Opcode::Nop)
            };
        }
        Op::Real(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop) => {
            if truthy(constant) == next.is(Opcode::JumpIfTrueOrPop) {
                instrs[i + 1].op = Op::Jump;
            } else {
                instrs[i].nop();
                instrs[i + 1].nop();
            }
        }
        Op::Real(Opcode::IsOp) if *constant == Constant::None => {
            let Some(jump) = instrs.get(i + 2).map(|j| j.op) else {
                return;
            };
            if !matches!(jump, Op::PopJumpIfFalse | Op::PopJumpIfTrue) {
                return;
            }
            let is_not = next.arg != 0;
            instrs[i].nop();
            instrs[i + 1].nop();
            instrs[i + 2].op = if is_not ^ (jump == Op::PopJumpIfFalse) {
                Op::PopJumpIfNotNone
            } else {
                Op::PopJumpIfNone
            };
        }
        _ => {}
    }
}

/// `LOAD_CONST c1 ... LOAD_CONST cn; BUILD_TUPLE n` becomes `LOAD_CONST (c1, ..., cn)`.
fn fold_tuple(instrs: &mut [Instr], i: usize, consts: &mut dyn ConstPool) {
    let n = instrs[i].arg as usize;
    let loads = &instrs[i - n..i];
    if !loads.iter().all(|l| l.is(Opcode::LoadConst)) {
        return;
    }
    let items: Vec<Constant> = loads.iter().map(|l| consts.get(l.arg).clone()).collect();
    let index = consts.add(Constant::Tuple(items.into()));
    for load in &mut instrs[i - n..i] {
        load.nop();
    }
    instrs[i].op = Op::Real(Opcode::LoadConst);
    instrs[i].arg = index;
}

/// `jump_thread`: a jump to an unconditional jump goes straight to its target, when
/// both are on the same line and that changes something. Returns whether it did.
fn jump_thread(inst: &mut Instr, target: &Instr, op: Op) -> bool {
    if inst.loc.line == target.loc.line && inst.target != target.target {
        inst.target = target.target;
        inst.op = op;
        true
    } else {
        false
    }
}

/// `swaptimize`: replaces the run of `SWAP`s and `NOP`s starting at `start` by the
/// fewest `SWAP`s with the same effect; returns the index of the run's last instruction.
fn swaptimize(instrs: &mut [Instr], start: usize) -> usize {
    let mut depth = instrs[start].arg as usize;
    let mut len = 1;
    let mut more = false;
    while start + len < instrs.len() {
        let inst = instrs[start + len];
        if inst.is(Opcode::Swap) {
            depth = depth.max(inst.arg as usize);
            more = true;
        } else if !inst.is(Opcode::Nop) {
            break;
        }
        len += 1;
    }
    if !more {
        return start;
    }
    // Where each stack item ends up.
    let mut stack: Vec<Option<usize>> = (0..depth).map(Some).collect();
    for inst in &instrs[start..start + len] {
        if inst.is(Opcode::Swap) {
            stack.swap(0, inst.arg as usize - 1);
        }
    }
    // Write the cycles of that permutation as swaps with the top, from the run's end.
    let mut current = start + len;
    for i in 0..depth {
        if stack[i].is_none() || stack[i] == Some(i) {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                current -= 1;
                instrs[current].op = Op::Real(Opcode::Swap);
                instrs[current].arg = j as u32 + 1;
            }
            let Some(next) = stack[j] else {
                break;
            };
            stack[j] = None;
            j = next;
        }
    }
    for inst in &mut instrs[start..current] {
        inst.nop();
    }
    start + len - 1
}

/// Instructions that only consume the top of the stack, so swapping two of them equals
/// swapping the values they consume.
fn swappable(inst: &Instr) -> bool {
    inst.is(Opcode::StoreFast) || inst.is(Opcode::PopTop)
}

/// The local a `STORE_FAST` writes.
fn stores_to(inst: &Instr) -> Option<u32> {
    inst.is(Opcode::StoreFast).then_some(inst.arg)
}

/// The next swappable instruction after `i`, skipping `NOP`s; with a line given, it
/// must be on that line.
fn next_swappable(instrs: &[Instr], i: usize, line: i32) -> Option<usize> {
    for (j, inst) in instrs.iter().enumerate().skip(i + 1) {
        if line >= 0 && inst.loc.line != line {
            return None;
        }
        if inst.is(Opcode::Nop) {
            continue;
        }
        return swappable(inst).then_some(j);
    }
    None
}

/// `apply_static_swaps`: `SWAP n` before stores or pops is done by reordering those
/// instructions instead, working back from `i`.
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    for i in (0..=i).rev() {
        let swap = instrs[i];
        if !swap.is(Opcode::Swap) {
            if swap.is(Opcode::Nop) || swappable(&swap) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i, -1) else {
            return;
        };
        let line = instrs[j].loc.line;
        let mut k = j;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, line) {
                Some(next) => k = next,
                None => return,
            }
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let conflict = instrs[j + 1..k].iter().any(|inst| {
                let s = stores_to(inst);
                s.is_some() && (s == store_j || s == store_k)
            });
            if conflict {
                return;
            }
        }
        instrs[i].nop();
        instrs.swap(j, k);
    }
}
